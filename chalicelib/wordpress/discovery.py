"""WordPress's discovery documents: the ``/wp-json/`` index, the ``wp/v2``
namespace, and ``rest_no_route`` for every other path.

:data:`ROUTES` is the one table of the routes this site answers: the index
documents list it, and ``/openapi.json`` documents it.
"""
from dataclasses import dataclass

from .api import endpoint, json_response
from .items import Site, field_tree, filter_fields
from .params import (INDEX_PARAMS, NAMESPACE, POST_COLLECTION, POST_ITEM, POST_TYPE,
                     TAXONOMY, TAXONOMY_COLLECTION, TERM_COLLECTION, TERM_ITEM,
                     TYPE_COLLECTION, no_route_error)


@dataclass(frozen=True)
class Route:
    """A WordPress route this site answers, and the Chalice path serving it."""
    pattern: str           # WordPress's route, as the index names it
    path: str              # the Chalice route
    summary: str
    params: tuple
    path_params: tuple = ()     # (name, description)


ROUTES = (
    Route('/', '/wp-json', 'The API index: site, namespaces and routes.', INDEX_PARAMS),
    Route('/' + NAMESPACE, '/wp-json/wp/v2', 'The wp/v2 namespace index.', INDEX_PARAMS),
    Route('/%s/%s' % (NAMESPACE, POST_TYPE), '/wp-json/wp/v2/faq',
          'Published FAQs, newest first.', POST_COLLECTION),
    Route('/%s/%s/(?P<id>[\\d]+)' % (NAMESPACE, POST_TYPE), '/wp-json/wp/v2/faq/{id}',
          'One published FAQ.', POST_ITEM,
          (('id', 'Unique identifier for the post.'),)),
    Route('/%s/%s' % (NAMESPACE, TAXONOMY), '/wp-json/wp/v2/faq-categories',
          'FAQ categories.', TERM_COLLECTION),
    Route('/%s/%s/(?P<id>[\\d]+)' % (NAMESPACE, TAXONOMY),
          '/wp-json/wp/v2/faq-categories/{id}', 'One FAQ category.', TERM_ITEM,
          (('id', 'Unique identifier for the term.'),)),
    Route('/%s/types' % NAMESPACE, '/wp-json/wp/v2/types', 'Public post types.',
          TYPE_COLLECTION),
    Route('/%s/types/(?P<type>[\\w-]+)' % NAMESPACE, '/wp-json/wp/v2/types/{type}',
          'One post type.', TYPE_COLLECTION,
          (('type', 'An alphanumeric identifier for the post type.'),)),
    Route('/%s/taxonomies' % NAMESPACE, '/wp-json/wp/v2/taxonomies',
          'Public taxonomies.', TAXONOMY_COLLECTION),
    Route('/%s/taxonomies/(?P<taxonomy>[\\w-]+)' % NAMESPACE,
          '/wp-json/wp/v2/taxonomies/{taxonomy}', 'One taxonomy.', TAXONOMY_COLLECTION[:1],
          (('taxonomy', 'An alphanumeric identifier for the taxonomy.'),)),
)



def _route_document(route, site):
    args = {}
    for name, description in route.path_params:
        args[name] = {'description': description,
                      'type': 'integer' if name == 'id' else 'string', 'required': False}
    for param in route.params:
        args[param.name] = param.wp_arg()
    namespace = '' if route.pattern == '/' else NAMESPACE
    document = {'namespace': namespace, 'methods': ['GET'],
                'endpoints': [{'methods': ['GET'], 'args': args}]}
    if not route.path_params:
        href = site.api + route.pattern if route.pattern != '/' else site.api + '/'
        document['_links'] = {'self': [{'href': href}]}
    return document


@endpoint
def index(query):
    """``GET /wp-json/``: what WordPress's discovery clients read first."""
    query.parse(INDEX_PARAMS)
    site = Site()
    settings = site.settings
    body = {
        'name': settings.site_name, 'description': settings.site_tagline,
        'url': settings.site_url, 'home': settings.site_url,
        'gmt_offset': 0, 'timezone_string': 'UTC',
        'page_for_posts': 0, 'page_on_front': 0, 'show_on_front': 'posts',
        'namespaces': [NAMESPACE], 'authentication': [],
        'routes': {route.pattern: _route_document(route, site) for route in ROUTES},
        'site_logo': 0, 'site_icon': 0, 'site_icon_url': '',
        '_links': {'help': [{'href': 'https://developer.wordpress.org/rest-api/'}]},
    }
    return json_response(filter_fields(body, field_tree(query)), query)


@endpoint
def namespace_index(query):
    """``GET /wp-json/wp/v2``."""
    query.parse(INDEX_PARAMS)
    site = Site()
    body = {'namespace': NAMESPACE,
            'routes': {route.pattern: _route_document(route, site) for route in ROUTES
                       if route.pattern.startswith('/' + NAMESPACE)},
            '_links': {'up': [{'href': site.api + '/'}]}}
    return json_response(filter_fields(body, field_tree(query)), query)


@endpoint
def no_route(query):
    """Any other path under ``/wp-json/``."""
    raise no_route_error()
