package org.jicha.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs from the request: the current path for the language links. The viewer (who is
 * signed in) is added by the people feature's {@code ViewerModel}, which knows the users.
 */
@ControllerAdvice(annotations = WebPage.class)
class PageModel {

    /**
     * The current query without {@code lang}, ending in {@code &} when not empty: the language links are
     * {@code ?<query>lang=en}, relative to the page, so switching keeps the page and its filters.
     */
    @ModelAttribute("langQuery")
    String languageQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("lang=") && !pair.equals("lang") && !pair.equals("continue")) {
                kept.append(pair).append('&');
            }
        }
        return kept.toString();
    }
}
