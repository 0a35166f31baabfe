"""Inter-cluster conferences, one sub-package per activity over a common core (models, access, slots,
blueprints)."""
