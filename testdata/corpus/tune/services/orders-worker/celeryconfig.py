"""Celery settings for the orders worker."""
import os

broker_url = os.environ.get(
    "CELERY_BROKER_URL",
    "amqp://orders_worker:⟦urls:mj⁞DIERHwf2kIhcn2KZ5p⟧@mq-01.fra.fernwood.dev:5672/orders",
)
result_backend = "rediss://:⟦urls:0IJz-KwMys⁞yNAqAr-B-vLSphY4⟧@cache-02.internal.fernwood.dev:6380/4?ssl_cert_reqs=required"

task_serializer = "json"
accept_content = ["json"]
task_acks_late = True
worker_prefetch_multiplier = 4
task_routes = {
    "orders.tasks.capture_payment": {"queue": "payments"},
    "orders.tasks.send_confirmation": {"queue": "email"},
}
beat_schedule = {
    "expire-carts": {"task": "orders.tasks.expire_carts", "schedule": 300.0},
}
