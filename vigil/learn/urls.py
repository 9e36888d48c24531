from django.urls import path

from vigil.learn import trainer_views, views

app_name = "learn"
urlpatterns = [
    path("", views.course_list, name="courses"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify, name="verify_code"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("trainer/", trainer_views.home, name="trainer"),
    path("trainer/new/", trainer_views.course_edit, name="trainer_new"),
    path("trainer/import/", trainer_views.import_course, name="trainer_import"),
    path("trainer/<slug:slug>/", trainer_views.course, name="trainer_course"),
    path("trainer/<slug:slug>/settings/", trainer_views.course_edit, name="trainer_settings"),
    path("trainer/<slug:slug>/lessons/new/", trainer_views.lesson_edit, name="trainer_lesson_new"),
    path(
        "trainer/<slug:slug>/lessons/<int:lesson_id>/",
        trainer_views.lesson_edit,
        name="trainer_lesson",
    ),
    path(
        "trainer/<slug:slug>/questions/new/",
        trainer_views.question_edit,
        name="trainer_question_new",
    ),
    path(
        "trainer/<slug:slug>/questions/<int:question_id>/",
        trainer_views.question_edit,
        name="trainer_question",
    ),
    path(
        "trainer/<slug:slug>/<str:kind>/<int:item_id>/delete/",
        trainer_views.delete,
        name="trainer_delete",
    ),
    path("trainer/<slug:slug>/images/", trainer_views.add_image, name="trainer_image"),
    path("trainer/<slug:slug>/preview/", trainer_views.preview, name="trainer_preview"),
    path("trainer/<slug:slug>/publish/", trainer_views.publish, name="trainer_publish"),
    path("trainer/<slug:slug>/export/", trainer_views.export, name="trainer_export"),
    path("trainer/<slug:slug>/statistics/", trainer_views.course_stats, name="trainer_stats"),
    path("<slug:slug>/", views.course_detail, name="course"),
    path("<slug:slug>/quiz/", views.take_quiz, name="quiz"),
    path("<slug:slug>/images/<str:name>", views.course_image, name="image"),
    path("<slug:slug>/quiz/result/", views.result, name="result"),
    path("<slug:slug>/certificate/", views.claim_certificate, name="claim"),
    path("<slug:slug>/<slug:lesson_slug>/", views.lesson, name="lesson"),
]
