package org.jicha.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** Every feature's {@link Problems}, gathered at start; answers which mapping an exception of a request has. */
@Component
class ProblemCatalogue {

    private final ProblemMap map = new ProblemMap();

    ProblemCatalogue(List<Problems> features) {
        features.forEach(f -> f.declare(map));
        map.checkDeclaredOnce();
    }

    Optional<ProblemMap.Answer> find(Throwable e, HttpServletRequest request) {
        return map.find(e, controller(request));
    }

    private static Class<?> controller(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                ? handler.getBeanType()
                : null;
    }
}
