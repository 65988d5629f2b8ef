"""``make templates``: compile the Jinja templates ahead of deployment.

    python -m devtools.compile_templates
"""
from chalicelib import render

if __name__ == '__main__':
    print('compiled templates into', render.compile_templates())
