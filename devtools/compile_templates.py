"""``make templates``: compile the Jinja templates ahead of deployment.

    python -m devtools.compile_templates
"""
from chalicelib import templating

if __name__ == '__main__':
    print('compiled templates into', templating.compile_templates())
