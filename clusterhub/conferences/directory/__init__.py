"""The participant directory of a conference and whom each participant should meet."""
