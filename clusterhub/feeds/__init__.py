"""A person's private calendar subscription: their meetings and the events of their clusters as iCal."""
