"""Outputs -> what people work with: review page, Label Studio round trip, show, add, evaluate."""
