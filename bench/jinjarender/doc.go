// Package jinjarender compares flagon's Jinja engine with Python's Jinja2
// on the fortunes page alone, without HTTP: the same templates (the Flask
// benchmark app's, ../flask/templates), the same 12 rows, autoescape on.
// BenchmarkRender times flagon-jinja; jinja2_render.py times Jinja2 with
// timeit; run.sh runs both, interleaved, and prints the ratio.
package jinjarender
