package org.borderledger.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages the ledger answers in: Khmer, Vietnamese and English. A request's language is the best match of its
 * {@code Accept-Language} among them (RFC 4647 lookup, so {@code vi-VN} is Vietnamese); English when none matches,
 * when the header is absent and when it cannot be parsed. Problem {@code type} URIs and field names never depend on it.
 */
public final class LedgerLocales implements LocaleResolver {

    public static final Locale ENGLISH = Locale.ENGLISH;

    public static final List<Locale> SUPPORTED =
            List.of(ENGLISH, Locale.forLanguageTag("vi"), Locale.forLanguageTag("km"));

    /** The language of an {@code Accept-Language} header value, which may be {@code null} or malformed. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen == null ? ENGLISH : chosen;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language follows each request's Accept-Language");
    }
}
