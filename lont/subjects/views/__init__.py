"""Pages of the subjects app: thin views over selectors and services."""
