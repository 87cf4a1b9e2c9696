from django.urls import path

from kvp.dialog import views

urlpatterns = [
    # Staff: a participant's threads, one thread, and what they do there.
    path("deltakere/<uuid:participant_id>/dialog/", views.dialog_list, name="dialog_list"),
    path("deltakere/<uuid:participant_id>/dialog/ny/", views.dialog_thread_start, name="dialog_thread_start"),
    path("dialog/<uuid:thread_id>/", views.dialog_thread, name="dialog_thread"),
    path("dialog/<uuid:thread_id>/svar/", views.dialog_reply, name="dialog_reply"),
    path("dialog/<uuid:thread_id>/ingen-svar/", views.dialog_close, name="dialog_close"),
    path("dialog/vedlegg/<uuid:message_id>/", views.dialog_attachment, name="dialog_attachment"),
    # The participant's own pages (under meg/, as their other pages).
    path("meg/dialog/", views.my_dialog, name="my_dialog"),
    path("meg/dialog/ny/", views.my_thread_start, name="my_thread_start"),
    path("meg/dialog/<uuid:thread_id>/", views.my_thread, name="my_thread"),
    path("meg/dialog/<uuid:thread_id>/svar/", views.my_reply, name="my_reply"),
    path("meg/dialog/vedlegg/<uuid:message_id>/", views.my_attachment, name="my_attachment"),
]
