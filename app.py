"""Routes of the FAQ site; every handler hands over to ``chalicelib``.

One job past 400 lines: a route table, three to five lines a route, one
place to read every URL the site answers.  Chalice Blueprints per package
would split it, but registering a blueprint imports its module, and so
every package's handlers on each cold start: the admin, WordPress and
readers' modules are loaded on first use instead (``lazy_module``).
"""
from chalice import Chalice

from chalicelib import middleware
from chalicelib.admin import guard
from chalicelib.lazy import lazy_module
from chalicelib.settings import table_stream_arn
from chalicelib.site import icon, pages
from chalicelib.wordpress import routes as wp_routes

# loaded by the first request that needs them, not on every cold start
admin_account = lazy_module('chalicelib.admin.account')
admin_api = lazy_module('chalicelib.admin.api')
admin_insights = lazy_module('chalicelib.admin.insights')
admin_login = lazy_module('chalicelib.admin.login')
admin_screens = lazy_module('chalicelib.admin.screens')
openapi = lazy_module('chalicelib.openapi')
wp_api = lazy_module('chalicelib.wordpress.api')
wp_discovery = lazy_module('chalicelib.wordpress.discovery')
derived_stream = lazy_module('chalicelib.derived.stream')
site_feedback = lazy_module('chalicelib.site.feedback')

app = Chalice(app_name='faq-site')
app.register_middleware(middleware.head_as_get, 'http')   # outermost: HEAD drops the body
app.register_middleware(middleware.observe, 'http')       # headers, logs, 503
app.register_middleware(guard.admin_guard, 'http')


def get(path, **options):
    """A GET route that answers HEAD too, with the GET's status and headers
    (API Gateway does not answer HEAD on a GET method by itself)."""
    return app.route(path, methods=['GET', 'HEAD'], **options)


# --- derived data (chalicelib/derived/): rebuilt from the table's stream ---

@app.on_dynamodb_record(stream_arn=table_stream_arn(), batch_size=1000,
                        maximum_batching_window_in_seconds=2)
def content_changed(event):
    derived_stream.content_changed(event)


@get('/')
def home():
    return pages.home(app.current_request)


@get('/faq')
def faq_index():
    return pages.faq_index(app.current_request)


@get('/faq/{slug}')
def faq(slug):
    return pages.faq(app.current_request, slug)


@get('/faq-category/{slug}')
def faq_category(slug):
    return pages.category(app.current_request, slug)


@get('/sitemap.xml')
def sitemap():
    return pages.sitemap(app.current_request)


@get('/sitemaps/{name}')
def sitemap_part(name):
    return pages.sitemap_part(app.current_request, name)


@get('/feed.xml')
def feed():
    return pages.feed(app.current_request)


@get('/robots.txt')
def robots():
    return pages.robots(app.current_request)


@get('/favicon.ico')
def favicon():
    return icon.favicon(app.current_request)


def unknown_path(**_segments):
    return pages.not_found(app.current_request)


# Chalice has no greedy routes: unknown paths of one or two segments get the
# site's 404 page here; deeper ones, API Gateway's MISSING_AUTHENTICATION_TOKEN
# response (a 404 with deploy/resources.json; docs/deploy.md).
for _path in ('/{page}', '/{section}/{page}'):
    get(_path)(unknown_path)


# --- readers' forms (chalicelib/site/feedback.py): "Was this helpful?", questions ---

FORM = ['application/x-www-form-urlencoded']   # what HTML forms send


@app.route('/faq/{slug}/feedback', methods=['POST'], content_types=FORM)
def faq_feedback(slug):
    return site_feedback.post(app.current_request, slug)


@get('/ask')
def ask_form():
    return site_feedback.ask_form(app.current_request)


@app.route('/ask', methods=['POST'], content_types=FORM)
def ask():
    return site_feedback.ask(app.current_request)


# --- HTML admin (chalicelib/admin/screens.py, login.py, account.py); guard.admin_guard
# checks session and CSRF, but for the login pages, which check their own form token ---

@get('/admin/login')
def admin_login_form():
    return admin_login.login_form(app.current_request)


@app.route('/admin/login', methods=['POST'], content_types=FORM)
def admin_login_post():
    return admin_login.login(app.current_request)


@get('/admin/login/code')
def admin_login_code_form():
    return admin_login.code_form(app.current_request)


@app.route('/admin/login/code', methods=['POST'], content_types=FORM)
def admin_login_code():
    return admin_login.code_login(app.current_request)


@app.route('/admin/logout', methods=['POST'], content_types=FORM)
def admin_logout():
    return admin_login.logout(app.current_request)


@get('/admin/account')
def admin_account_page():
    return admin_account.show(app.current_request)


@app.route('/admin/account/2fa', methods=['POST'], content_types=FORM)
def admin_account_two_factor():
    return admin_account.two_factor(app.current_request)


@get('/admin')
def admin_dashboard():
    return admin_screens.dashboard(app.current_request)


@get('/admin/faqs/new')
def admin_new_form():
    return admin_screens.new_form(app.current_request)


@app.route('/admin/faqs/new', methods=['POST'], content_types=FORM)
def admin_create():
    return admin_screens.create(app.current_request)


@get('/admin/faqs/{entry_id}')
def admin_edit_form(entry_id):
    return admin_screens.edit_form(app.current_request, entry_id)


@app.route('/admin/faqs/{entry_id}', methods=['POST'], content_types=FORM)
def admin_save(entry_id):
    return admin_screens.save(app.current_request, entry_id)


@app.route('/admin/faqs/{entry_id}/{action}', methods=['POST'], content_types=FORM)
def admin_action(entry_id, action):
    return admin_screens.action(app.current_request, entry_id, action)


@get('/admin/faqs/{entry_id}/revisions')
def admin_revisions(entry_id):
    return admin_screens.revisions(app.current_request, entry_id)


@app.route('/admin/faqs/{entry_id}/revisions/{version}/restore', methods=['POST'],
           content_types=FORM)
def admin_restore_revision(entry_id, version):
    return admin_screens.restore_revision(app.current_request, entry_id, version)


@get('/admin/categories')
def admin_categories():
    return admin_screens.categories(app.current_request)


@app.route('/admin/categories', methods=['POST'], content_types=FORM)
def admin_create_category():
    return admin_screens.create_category(app.current_request)


@get('/admin/categories/{slug}')
def admin_category(slug):
    return admin_screens.category_form(app.current_request, slug)


@app.route('/admin/categories/{slug}', methods=['POST'], content_types=FORM)
def admin_save_category(slug):
    return admin_screens.save_category(app.current_request, slug)


@get('/admin/reports/broken-links')
def admin_broken_links():
    return admin_screens.broken_links(app.current_request)


@get('/admin/audit')
def admin_audit():
    return admin_screens.audit(app.current_request)


@get('/admin/insights')
def admin_insights_screen():
    return admin_insights.screen(app.current_request)


@get('/admin/insights/questions')
def admin_insights_inbox():
    return admin_insights.inbox(app.current_request)


@app.route('/admin/insights/questions/{question_id}/dismiss', methods=['POST'],
           content_types=FORM)
def admin_insights_dismiss(question_id):
    return admin_insights.dismiss(app.current_request, question_id)


@app.route('/admin/insights/comments/{comment_id}/keep', methods=['POST'], content_types=FORM)
def admin_insights_keep(comment_id):
    return admin_insights.keep(app.current_request, comment_id)


@get('/admin/insights/export/{table}')
def admin_insights_export(table):
    return admin_insights.export(app.current_request, table)


# --- admin JSON API (chalicelib/admin/api.py); guard.admin_guard checks the token ---

@get('/admin/api/faqs')
def admin_api_list():
    return admin_api.list_entries(app.current_request)


@app.route('/admin/api/faqs', methods=['POST'])
def admin_api_create():
    return admin_api.create_entry(app.current_request)


@get('/admin/api/faqs/{entry_id}')
def admin_api_get(entry_id):
    return admin_api.get_entry(app.current_request, entry_id)


@app.route('/admin/api/faqs/{entry_id}', methods=['PUT'])
def admin_api_replace(entry_id):
    return admin_api.update_entry(app.current_request, entry_id, partial=False)


@app.route('/admin/api/faqs/{entry_id}', methods=['PATCH'])
def admin_api_patch(entry_id):
    return admin_api.update_entry(app.current_request, entry_id, partial=True)


@app.route('/admin/api/faqs/{entry_id}', methods=['DELETE'])
def admin_api_trash(entry_id):
    return admin_api.trash_entry(app.current_request, entry_id)


@app.route('/admin/api/faqs/{entry_id}/{action}', methods=['POST'])
def admin_api_action(entry_id, action):
    return admin_api.entry_action(app.current_request, entry_id, action)


@get('/admin/api/faqs/{entry_id}/revisions')
def admin_api_revisions(entry_id):
    return admin_api.list_revisions(app.current_request, entry_id)


@get('/admin/api/faqs/{entry_id}/revisions/{version}')
def admin_api_revision(entry_id, version):
    return admin_api.get_revision(app.current_request, entry_id, version)


@app.route('/admin/api/faqs/{entry_id}/revisions/{version}/restore', methods=['POST'])
def admin_api_restore_revision(entry_id, version):
    return admin_api.restore_revision(app.current_request, entry_id, version)


@get('/admin/api/audit')
def admin_api_audit():
    return admin_api.audit_log(app.current_request)


@get('/admin/api/categories')
def admin_api_categories():
    return admin_api.list_categories(app.current_request)


@app.route('/admin/api/categories', methods=['POST'])
def admin_api_create_category():
    return admin_api.create_category(app.current_request)


@get('/admin/api/categories/{slug}')
def admin_api_category(slug):
    return admin_api.get_category(app.current_request, slug)


@app.route('/admin/api/categories/{slug}', methods=['PATCH'])
def admin_api_update_category(slug):
    return admin_api.update_category(app.current_request, slug)


@app.route('/admin/api/categories/{slug}', methods=['DELETE'])
def admin_api_delete_category(slug):
    return admin_api.delete_category(app.current_request, slug)


@get('/admin/api/reports/broken-links')
def admin_api_broken_links():
    return admin_api.broken_links(app.current_request)


@get('/admin/api/insights/searches')
def admin_api_insights_searches():
    return admin_insights.api_searches(app.current_request)


@get('/admin/api/insights/helpfulness')
def admin_api_insights_helpfulness():
    return admin_insights.api_helpfulness(app.current_request)


@get('/admin/api/insights/questions')
def admin_api_insights_questions():
    return admin_insights.api_questions(app.current_request)


@app.route('/admin/api/insights/questions/{question_id}/dismiss', methods=['POST'])
def admin_api_insights_dismiss(question_id):
    return admin_insights.api_dismiss(app.current_request, question_id)


@app.route('/admin/api/insights/comments/{comment_id}/keep', methods=['POST'])
def admin_api_insights_keep(comment_id):
    return admin_insights.api_keep(app.current_request, comment_id)


# --- WordPress-compatible read API (chalicelib/wordpress/api.py) ---


@get('/wp-json', cors=wp_routes.CORS)
def wp_json_index():
    return wp_discovery.index(app.current_request)


@get('/wp-json/wp/v2', cors=wp_routes.CORS)
def wp_json_namespace():
    return wp_discovery.namespace_index(app.current_request)


@get('/wp-json/wp/v2/faq', cors=wp_routes.CORS)
def wp_json_faqs():
    return wp_api.list_faqs(app.current_request)


@get('/wp-json/wp/v2/faq/{id}', cors=wp_routes.CORS)
def wp_json_faq(id):
    return wp_api.get_faq(app.current_request, id)


@get('/wp-json/wp/v2/faq-categories', cors=wp_routes.CORS)
def wp_json_terms():
    return wp_api.list_terms(app.current_request)


@get('/wp-json/wp/v2/faq-categories/{id}', cors=wp_routes.CORS)
def wp_json_term(id):
    return wp_api.get_term(app.current_request, id)


@get('/wp-json/wp/v2/types', cors=wp_routes.CORS)
def wp_json_types():
    return wp_api.list_types(app.current_request)


@get('/wp-json/wp/v2/types/{type}', cors=wp_routes.CORS)
def wp_json_type(type):
    return wp_api.get_type(app.current_request, type)


@get('/wp-json/wp/v2/taxonomies', cors=wp_routes.CORS)
def wp_json_taxonomies():
    return wp_api.list_taxonomies(app.current_request)


@get('/wp-json/wp/v2/taxonomies/{taxonomy}', cors=wp_routes.CORS)
def wp_json_taxonomy(taxonomy):
    return wp_api.get_taxonomy(app.current_request, taxonomy)


def wp_json_no_route(**_path):
    return wp_discovery.no_route(app.current_request)


for _path in wp_routes.CATCH_ROUTES:     # Chalice has no greedy routes
    get(_path, cors=wp_routes.CORS)(wp_json_no_route)


@get('/openapi.json', cors=True)
def openapi_document():
    return openapi.response(app.current_request)
# --- end of WordPress-compatible read API ---
