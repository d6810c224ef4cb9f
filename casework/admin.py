"""The site admin, for staff, behind the advocates' own sign-in and two-factor step.

It has no sign-in form of its own: its login page sends everyone to ``casework:sign-in``
(where django-axes counts failures per email address and client), and it answers only a
user who is staff and past two-factor. Production serves it only when ``SITE_ADMIN`` is on
(screening/urls.py). Authenticator secrets are never shown (``OTP_ADMIN_HIDE_SENSITIVE_DATA``).
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.admin import OTPAdminSite

from casework.access import safe_next
from casework.models import AuditEvent, Organisation, User


class SiteAdmin(OTPAdminSite):
    """django-otp's admin site (staff and past two-factor), signed in to the one way."""

    def login(self, request, extra_context=None):
        target = safe_next(request, reverse("admin:index", current_app=self.name))
        user = request.user
        if not user.is_authenticated:
            sign_in = reverse("casework:sign-in")
        elif not user.is_verified():
            sign_in = reverse("casework:two-factor")
        else:
            raise PermissionDenied  # signed in fully, but not staff
        return redirect(f"{sign_in}?{urlencode({'next': target})}")


admin.site.__class__ = SiteAdmin


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "organisation", "is_organisation_admin", "is_active"]
    list_filter = ["organisation", "is_organisation_admin", "is_active", "is_superuser"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name", "organisation", "is_organisation_admin"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "organisation", "password1", "password2"]}),
    ]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read only: the audit log is a record, not something to edit."""

    list_display = ["at", "actor_email", "organisation", "action", "subject", "case_id"]
    list_filter = ["organisation", "action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
