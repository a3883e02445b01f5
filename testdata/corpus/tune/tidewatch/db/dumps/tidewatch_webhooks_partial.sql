--
-- PostgreSQL database dump (partial: public.webhooks, public.api_keys)
--

-- Dumped from database version 16.3
-- Dumped by pg_dump version 16.4

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.webhooks (
    id bigint NOT NULL,
    owner_id uuid NOT NULL,
    kind text NOT NULL,
    target_url text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.api_keys (
    id bigint NOT NULL,
    owner_id uuid NOT NULL,
    prefix character(8) NOT NULL,
    key_sha256 character(64) NOT NULL,
    last_used_at timestamp with time zone
);

COPY public.webhooks (id, owner_id, kind, target_url, created_at) FROM stdin;
1	d0340a68-45b8-4847-8cea-2743a4779ef6	discord	⟦messaging:https://discord.com/api/webhooks/2210228093876177098/DeywPZ0⁞4Vn1HiB9WoP2uPcu0Qc5kaQ_o2vgcj1WvTVvl-NQ9dfOs5Ekkr_wK0vJWIEHL⟧	2024-02-14 19:22:03.51+00
2	40f50013-e89e-4173-9994-c1cfdec66c51	teams	⟦messaging:https://contoso417.webhook.office.com/webhookb2/0e382c33-b2d1-4858-bc09-6a900bc569ea@c811b802-1a3c-4825⁞-b9c7-ed7fb2f58cea/IncomingWebhook/e81906c1e0f1ee313a2f6525fec8c4dd/493e64e5-5067-4ff7-85c9-56c070d559b0⟧	2024-05-30 07:45:41.02+00
3	2d3caceb-497d-44c3-aae4-23a48941cf82	generic	https://hooks.marina-sodra.se/tidewatch?sig=952edb352cc659f930fc47480bd4182caa398336288cbc461cdab5146d2d97ea	2024-07-01 12:00:00+00
\.

COPY public.api_keys (id, owner_id, prefix, key_sha256, last_used_at) FROM stdin;
1	9cf5556a-2445-4254-8111-9274928ab0c6	tw_4fK9q	1f4e2612e5e8beccc6a17374600a4c7dbcef77055ff06033d0541f00744cd356	2024-09-01 03:14:15+00
2	7b02234f-6e14-44c4-828f-1b5ada06f366	tw_Zp0Lm	e8414f1873670d22ac61104f0fa33860728a744273c32a07bed96001f56e6b0f	\N
3	5b71b815-29cc-46b8-bc91-05a7ffcf6fed	tw_a81Rx	8bfef2ee1bcad5f220ae48ef6c1665e8e05619236023528241eb51fb0749e7de	2024-08-28 22:10:09+00
\.

SELECT pg_catalog.setval('public.webhooks_id_seq', 3, true);
SELECT pg_catalog.setval('public.api_keys_id_seq', 3, true);
