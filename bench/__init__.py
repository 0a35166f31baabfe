"""`make bench`: a synthetic dataset of realistic shape, then index, latency, throughput and memory.

`python -m bench.hotspots [PATH ...]` shows where a page's time goes (cProfile, in process).
`python -m bench.load [--database sqlite|postgresql] [--seconds N]` runs only the load test.
"""
