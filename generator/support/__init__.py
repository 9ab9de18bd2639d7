"""Support shared by the stages: caches, timings, worker processes."""
