"""Pages and HTTP API of the Annex: a thin layer over the pure ``mtcr.annex`` package."""
