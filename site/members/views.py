"""Member pages. Views stay thin: permissions from lodestar.permissions, work in services."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from lodestar.permissions import (
    can_apply_for_membership,
    can_delete_account,
    can_edit_profile,
    can_export_own_data,
    can_review_membership,
    can_view_directory,
    can_view_profile,
    is_member,
)
from lodestar.permissions.http import deny, permission_required

from . import selectors, services
from .forms import (
    DeleteAccountForm,
    DirectoryFilterForm,
    MembershipApplicationForm,
    ProfileForm,
    RejectionForm,
)
from .models import MembershipApplication, Profile


@permission_required(can_view_directory)
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    groups = selectors.directory_organisations(
        viewer=request.user,
        actor_type=filters["actor_type"].slug if filters.get("actor_type") else "",
        country=filters.get("country", ""),
    )
    return render(request, "members/directory.html", {"form": form, "groups": groups})


@permission_required(can_view_directory)  # an organisation's page is its entry in the directory
def organisation_detail(request, slug):
    organisation = selectors.organisation_with_members(slug=slug, viewer=request.user)
    if organisation is None:
        raise Http404("No such organisation")
    return render(request, "members/organisation_detail.html", {"organisation": organisation})


def profile_detail(request, slug):
    profile = get_object_or_404(
        Profile.objects.select_related("user", "organisation", "actor_type"), slug=slug
    )
    if not can_view_profile(request.user, profile):
        raise Http404("No such profile")  # do not reveal that a members-only profile exists
    return render(request, "members/profile_detail.html", {"profile": profile})


def profile_edit(request):
    if not request.user.is_authenticated:
        return deny(request)
    profile = services.profile_get_or_create(user=request.user)
    if not can_edit_profile(request.user, profile):
        return deny(request)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        data = {field: form.cleaned_data[field] for field in ProfileForm.Meta.fields}
        services.profile_update(
            profile=profile,
            data=data,
            avatar=form.cleaned_data.get("avatar"),
            remove_avatar=form.cleaned_data.get("remove_avatar", False),
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("members:profile_edit")
    return render(
        request,
        "members/profile_edit.html",
        {
            "form": form,
            "profile": profile,
            "can_apply": can_apply_for_membership(request.user),
            "is_member": is_member(request.user),
            "pending_application": request.user.membership_applications.filter(status="pending").first(),
        },
    )


@ratelimit(key="user_or_ip", rate=settings.MEMBERSHIP_APPLICATION_RATE, method="POST", block=True)
def apply(request):
    if not can_apply_for_membership(request.user):
        if is_member(request.user):
            messages.info(request, _("You are already a member."))
            return redirect("members:profile_edit")
        if (
            request.user.is_authenticated
            and request.user.membership_applications.filter(status="pending").exists()
        ):
            messages.info(request, _("Your application is waiting for review; we will email you."))
            return redirect("members:profile_edit")
        return deny(request)
    form = MembershipApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.membership_apply(user=request.user, **form.cleaned_data)
        messages.success(
            request, _("Thank you. A moderator will review your application; we will email you.")
        )
        return redirect("members:profile_edit")
    return render(request, "members/apply.html", {"form": form})


@permission_required(can_review_membership)
def application_queue(request):
    return render(
        request,
        "members/application_queue.html",
        {
            "pending": selectors.pending_applications(),
            "reviewed": selectors.recently_reviewed_applications(),
            "rejection_form": RejectionForm(),
        },
    )


@require_POST
@permission_required(can_review_membership)
def application_approve(request, pk):
    application = get_object_or_404(MembershipApplication, pk=pk)
    services.membership_approve(application=application, reviewer=request.user)
    messages.success(
        request,
        _("Approved: %(organisation)s. The applicant is told by email.")
        % {"organisation": application.organisation_name},
    )
    return redirect("members:application_queue")


@require_POST
@permission_required(can_review_membership)
def application_reject(request, pk):
    application = get_object_or_404(MembershipApplication, pk=pk)
    form = RejectionForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "members/application_queue.html",
            {
                "pending": selectors.pending_applications(),
                "reviewed": selectors.recently_reviewed_applications(),
                "rejection_form": form,
                "rejecting": application.pk,
            },
            status=400,
        )
    services.membership_reject(
        application=application, reviewer=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(
        request,
        _("Rejected: %(organisation)s. The applicant is told why by email.")
        % {"organisation": application.organisation_name},
    )
    return redirect("members:application_queue")


@permission_required(can_export_own_data)
def export_data(request):
    response = JsonResponse(services.account_export(user=request.user), json_dumps_params={"indent": 2})
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="lodestar-my-data-{stamp}.json"'
    return response


@permission_required(can_delete_account)
def delete_account(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(request, _("Your account and personal data are deleted."))
        return redirect("/")
    return render(request, "members/delete_account.html", {"form": form})
