"""The Helper Course's build logic: quiz sources -> validated models -> JSON -> HTML."""
