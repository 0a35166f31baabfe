"""The participants' feedback after a conference."""
