"""The event stage: predicates, roles and precision checks over a dependency parse."""
