"""Presentation (layer 5 of 5): figures, interactive web figures (uPlot), widgets, tables and downloads.  No physics:
every number it draws comes from the layers above."""
