"""Joint incoming visits of a foreign delegation and trade missions, hosted by a cluster."""
