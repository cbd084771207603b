/**
 * What every page and every API answer shares, and no feature: the pages' layout ({@link org.jicha.web.WebPage},
 * {@link org.jicha.web.PageModel}, {@link org.jicha.web.Paging}), the language, and the one place where exceptions
 * become HTTP answers (RFC 9457 problem details for the API, error pages for pages), from what each feature declares
 * in its {@link org.jicha.web.Problems}. The pages themselves live in their features' {@code web} packages.
 */
package org.jicha.web;
