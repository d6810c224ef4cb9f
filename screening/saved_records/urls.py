from django.urls import path

from screening.saved_records import views

app_name = "saved-records"

urlpatterns = [
    path("keep/", views.keep, name="keep"),
    path("keep/passphrase/", views.make_passphrase, name="make-passphrase"),
    path("keep/confirm/", views.confirm, name="confirm"),
    path("kept/", views.kept, name="kept"),
    path("kept/passphrase/", views.change, name="change"),
    path("kept/delete/", views.delete, name="delete"),
    path("open/", views.open_saved, name="open"),
]
