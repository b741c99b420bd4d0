"""Reading page images: a text recogniser behind one small interface, ruling lines, and the page's characters."""
