/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kolada_http.c: asking Kolada's API for values over HTTP (libcurl), every page of the answer. */
#include <config.h>

#include <curl/curl.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "kolada.h"
#include "kolada_http.h"
#include "text.h"
#include "util.h"

/* No answer of Kolada's is this big (5000 values a page); more is not Kolada. */
#define PAGE_LIMIT (64L * 1024 * 1024)
/* Kolada's pages of 5000 values: 1000 pages would be five million values, more than any strategy asks. */
#define MAX_PAGES 1000

/*
 * libcurl is loaded with dlopen() when a fetch starts, not linked: linking
 * it pulls in some thirty libraries (TLS, Kerberos, LDAP, ...) whose
 * relocation cost every command about 6 ms of start-up (issue 14; first
 * frame and log --activity were mostly that). Its ABI (soname .so.4) has
 * been stable since 2006; the header gives the types and constants.
 */
static const char *const curl_sonames[] = { "libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so" };

static struct {
	void *lib;
	CURLcode (*global_init)(long flags);
	void (*global_cleanup)(void);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *c, CURLoption option, ...);
	CURLcode (*easy_perform)(CURL *c);
	CURLcode (*easy_getinfo)(CURL *c, CURLINFO info, ...);
	const char *(*easy_strerror)(CURLcode rc);
	void (*easy_cleanup)(CURL *c);
} curl;

/* Each of libcurl's functions into curl (POSIX: dlsym() gives a function's address as a void *). */
#define CURL_LOAD(name) ((curl.name = (__typeof__(curl.name))dlsym(curl.lib, "curl_" #name)) != NULL)

/* libcurl's functions into curl, once; -1 with err_set() when it is not installed. */
static int
curl_load(const char *url)
{
	char *u;

	for (size_t i = 0; !curl.lib && i < sizeof curl_sonames / sizeof curl_sonames[0]; i++)
		curl.lib = dlopen(curl_sonames[i], RTLD_NOW | RTLD_LOCAL);
	if (curl.lib && !(CURL_LOAD(global_init) && CURL_LOAD(global_cleanup) && CURL_LOAD(easy_init) &&
	                  CURL_LOAD(easy_setopt) && CURL_LOAD(easy_perform) && CURL_LOAD(easy_getinfo) &&
	                  CURL_LOAD(easy_strerror) && CURL_LOAD(easy_cleanup))) {
		dlclose(curl.lib);
		curl.lib = NULL;
	}
	if (curl.lib)
		return 0;
	u = text_sanitize(url, 0);
	err_set(_("%s: cannot load libcurl to ask Kolada; install it (Debian: libcurl4t64 or libcurl4), "
	          "or save Kolada's answer as a file and import it with styrkort measurements FILE"), u);
	free(u);
	return -1;
}

char *
kolada_data_url(const char *base, const char *kpis, const char *areas, long from_year, int to_year)
{
	struct buf b;
	size_t len = strlen(base);

	while (len > 0 && base[len - 1] == '/')
		len--;
	buf_init(&b);
	buf_printf(&b, "%.*s/data/kpi/%s/municipality/%s", (int)len, base, kpis, areas);
	for (long y = from_year; from_year && y <= to_year; y++)
		buf_printf(&b, "%s%ld", y == from_year ? "/year/" : ",", y);
	return buf_steal(&b);
}

struct page {
	struct buf body;
	size_t size;
	int too_big;
};

static size_t
on_data(char *data, size_t size, size_t n, void *arg)
{
	struct page *p = arg;

	if (p->size + size * n > PAGE_LIMIT) {
		p->too_big = 1;
		return 0;
	}
	buf_add(&p->body, data, size * n);
	p->size += size * n;
	return size * n;
}

/* What went wrong with one request, for people: -1 with err_set(). */
static int
request_error(const char *url, CURLcode rc, long status, long timeout, const struct page *p)
{
	char *u = text_sanitize(url, 0);

	if (p->too_big)
		err_set(_("%s: the answer is larger than %ld MiB; this is not Kolada's API, check [kolada] url"),
		        u, PAGE_LIMIT / 1024 / 1024);
	else if (rc == CURLE_OPERATION_TIMEDOUT)
		err_set(_("%s: no answer within %ld seconds; try again later, or raise [kolada] timeout"), u, timeout);
	else if (rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_PROXY)
		err_set(_("%s: cannot reach Kolada (%s); check the network connection and [kolada] url"),
		        u, curl.easy_strerror(rc));
	else if (rc != CURLE_OK)
		err_set(_("%s: the request failed (%s); check [kolada] url"), u, curl.easy_strerror(rc));
	else
		err_set(_("%s: Kolada answered HTTP %ld; check [kolada] url and the indicators' kolada KPI ids"),
		        u, status);
	free(u);
	return -1;
}

/* One page into doc; -1 with err_set(). */
static int
fetch_page(CURL *c, const char *url, long timeout, struct kolada_doc *doc)
{
	struct page p;
	long status = 0;
	CURLcode rc;
	int ok;

	memset(&p, 0, sizeof p);
	buf_init(&p.body);
	curl.easy_setopt(c, CURLOPT_URL, url);
	curl.easy_setopt(c, CURLOPT_WRITEDATA, &p);
	curl.easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
	rc = curl.easy_perform(c);
	curl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	ok = rc == CURLE_OK && status >= 200 && status < 300;
	if (!ok)
		request_error(url, rc, status, timeout, &p);
	else if (kolada_parse(p.body.s ? p.body.s : "", p.size, url, doc) < 0)
		ok = 0;
	buf_free(&p.body);
	return ok ? 0 : -1;
}

static CURL *
new_handle(void)
{
	CURL *c = curl.easy_init();

	if (!c)
		return NULL;
	curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl.easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl.easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl.easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl.easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	return c;
}

int
kolada_fetch(const char *url, long timeout, struct kolada_doc *doc)
{
	CURL *c;
	char *next = xstrdup(url);
	int rc = 0;

	if (curl_load(url) < 0) {
		free(next);
		return -1;
	}
	if (curl.global_init(CURL_GLOBAL_DEFAULT) != 0 || !(c = new_handle())) {
		err_set(_("%s: libcurl could not start"), url);
		free(next);
		return -1;
	}
	/* Every page, as next_page/next_url say, until the last (which has none). */
	while (next && rc == 0) {
		if (doc->pages >= MAX_PAGES) {
			err_set(_("%s: more than %d pages; this is not Kolada's API, check [kolada] url"), url, MAX_PAGES);
			rc = -1;
			break;
		}
		rc = fetch_page(c, next, timeout, doc);
		if (rc == 0 && doc->next && strcmp(doc->next, next) == 0) {
			/* A page that names itself as the next would be read for ever. */
			err_set(_("%s: the answer names itself as its next page; this is not Kolada's API, check "
			          "[kolada] url"), next);
			rc = -1;
		}
		free(next);
		next = rc == 0 && doc->next ? xstrdup(doc->next) : NULL;
	}
	free(next);
	curl.easy_cleanup(c);
	curl.global_cleanup();
	return rc;
}
