"""Party-name screening: normalise, transliterate, index and match with explanations (pure: no Django)."""
