"""What app.py needs of the WordPress API when it registers routes.

Kept apart from :mod:`.api` so that registering the routes does
not import the API itself: a Lambda instance that only serves pages never
loads it.
"""
from chalice import CORSConfig

EXPOSED_HEADERS = ['X-WP-Total', 'X-WP-TotalPages', 'Link']

# WordPress answers every origin; clients in browsers need the totals.
CORS = CORSConfig(allow_origin='*', expose_headers=EXPOSED_HEADERS, max_age=600)

# Chalice has no greedy routes ({proxy+}), so unknown paths under /wp-json/
# are caught one level below each real route, and up to four segments under
# any other namespace, each answering rest_no_route.  A deeper unknown path
# (/wp-json/a/b/c/d/e) never reaches the app: API Gateway itself answers 403
# "Missing Authentication Token" (chalice local: 404 from Chalice).  To give
# those WordPress's answer too, set the API's MISSING_AUTHENTICATION_TOKEN
# Gateway Response to 404 with the rest_no_route body (an
# AWS::ApiGateway::GatewayResponse merged with `chalice package
# --merge-template`).
CATCH_ROUTES = (
    '/wp-json/{namespace}',
    '/wp-json/{namespace}/{version}',
    '/wp-json/{namespace}/{version}/{kind}',
    '/wp-json/{namespace}/{version}/{kind}/{id}',
    '/wp-json/wp',
    '/wp-json/wp/{version}',
    '/wp-json/wp/{version}/{kind}',
    '/wp-json/wp/{version}/{kind}/{id}',
    '/wp-json/wp/v2/{kind}',
    '/wp-json/wp/v2/{kind}/{id}',
    '/wp-json/wp/v2/faq/{id}/{sub}',
    '/wp-json/wp/v2/faq-categories/{id}/{sub}',
    '/wp-json/wp/v2/types/{type}/{sub}',
    '/wp-json/wp/v2/taxonomies/{taxonomy}/{sub}',
)
