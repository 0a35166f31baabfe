"""`make bench`: a synthetic dataset of realistic shape, then index, latency, throughput and memory."""
