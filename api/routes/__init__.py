"""HTTP routes, one module per resource; each route validates, calls one function and returns a response model."""
