"""Routes of the FAQ site; every handler hands over to ``chalicelib``."""
from chalice import Chalice

from chalicelib import admin_api, admin_pages, guard, public

app = Chalice(app_name='faq-site')
app.register_middleware(guard.admin_guard, 'http')


@app.route('/', methods=['GET'])
def home():
    return public.home(app.current_request)


@app.route('/faq', methods=['GET'])
def faq_index():
    return public.faq_index(app.current_request)


@app.route('/faq/{slug}', methods=['GET'])
def faq(slug):
    return public.faq(app.current_request, slug)



# --- HTML admin (chalicelib/admin_pages.py); guard.admin_guard checks session and CSRF ---

FORM = ['application/x-www-form-urlencoded', 'multipart/form-data']


@app.route('/admin/login', methods=['GET'])
def admin_login_form():
    return admin_pages.login_form(app.current_request)


@app.route('/admin/login', methods=['POST'], content_types=FORM)
def admin_login():
    return admin_pages.login(app.current_request)


@app.route('/admin/logout', methods=['POST'], content_types=FORM)
def admin_logout():
    return admin_pages.logout(app.current_request)


@app.route('/admin', methods=['GET'])
def admin_dashboard():
    return admin_pages.dashboard(app.current_request)


@app.route('/admin/faqs/new', methods=['GET'])
def admin_new_form():
    return admin_pages.new_form(app.current_request)


@app.route('/admin/faqs/new', methods=['POST'], content_types=FORM)
def admin_create():
    return admin_pages.create(app.current_request)


@app.route('/admin/faqs/{entry_id}', methods=['GET'])
def admin_edit_form(entry_id):
    return admin_pages.edit_form(app.current_request, entry_id)


@app.route('/admin/faqs/{entry_id}', methods=['POST'], content_types=FORM)
def admin_save(entry_id):
    return admin_pages.save(app.current_request, entry_id)


@app.route('/admin/faqs/{entry_id}/{action}', methods=['POST'], content_types=FORM)
def admin_action(entry_id, action):
    return admin_pages.action(app.current_request, entry_id, action)


@app.route('/admin/faqs/{entry_id}/revisions', methods=['GET'])
def admin_revisions(entry_id):
    return admin_pages.revisions(app.current_request, entry_id)


@app.route('/admin/faqs/{entry_id}/revisions/{version}/restore', methods=['POST'],
           content_types=FORM)
def admin_restore_revision(entry_id, version):
    return admin_pages.restore_revision(app.current_request, entry_id, version)


# --- admin JSON API (chalicelib/admin_api.py); guard.admin_guard checks the token ---

@app.route('/admin/api/faqs', methods=['GET'])
def admin_api_list():
    return admin_api.list_entries(app.current_request)


@app.route('/admin/api/faqs', methods=['POST'])
def admin_api_create():
    return admin_api.create_entry(app.current_request)


@app.route('/admin/api/faqs/{entry_id}', methods=['GET'])
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


@app.route('/admin/api/faqs/{entry_id}/revisions', methods=['GET'])
def admin_api_revisions(entry_id):
    return admin_api.list_revisions(app.current_request, entry_id)


@app.route('/admin/api/faqs/{entry_id}/revisions/{version}', methods=['GET'])
def admin_api_revision(entry_id, version):
    return admin_api.get_revision(app.current_request, entry_id, version)


@app.route('/admin/api/faqs/{entry_id}/revisions/{version}/restore', methods=['POST'])
def admin_api_restore_revision(entry_id, version):
    return admin_api.restore_revision(app.current_request, entry_id, version)


@app.route('/admin/api/audit', methods=['GET'])
def admin_api_audit():
    return admin_api.audit_log(app.current_request)


# --- WordPress-compatible read API (chalicelib/wp_api.py) ---

# --- end of WordPress-compatible read API ---
