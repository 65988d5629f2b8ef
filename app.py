"""Routes of the FAQ site; every handler hands over to ``chalicelib``."""
from chalice import Chalice

from chalicelib import public

app = Chalice(app_name='faq-site')


@app.route('/', methods=['GET'])
def home():
    return public.home(app.current_request)


@app.route('/faq', methods=['GET'])
def faq_index():
    return public.faq_index(app.current_request)


@app.route('/faq/{slug}', methods=['GET'])
def faq(slug):
    return public.faq(app.current_request, slug)


# --- WordPress-compatible read API (chalicelib/wp_api.py) ---

# --- end of WordPress-compatible read API ---
