package org.jicha.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's faults answered as a page (the API's are problem details, {@link ApiExceptionHandler}): a bad address
 * is the 400 page, an unknown record the 404 page, a named exception the error page with the status its feature
 * declares ({@link Problems}), or a message on the page it names (a second run while one runs: the runs page).
 * Anything else is unexpected and goes to the usual error handling (a 500, logged).
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final ProblemCatalogue catalogue;

    PageErrors(ProblemCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound() {
        return errorPage(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        MissingServletRequestPartException.class
    })
    ModelAndView badAddress() {
        return errorPage(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView named(Exception e, HttpServletRequest request, RedirectAttributes redirect) throws Exception {
        Optional<ProblemMap.Answer> answer = catalogue.find(e, request);
        if (answer.isEmpty()) {
            throw e;
        }
        ProblemMap.Mapping<?> mapping = answer.get().mapping();
        if (mapping.pageProblem() != null) {
            redirect.addFlashAttribute("problem", mapping.pageProblem());
            return new ModelAndView("redirect:" + mapping.pageRedirect());
        }
        return errorPage(answer.get().status());
    }

    private static ModelAndView errorPage(HttpStatus status) {
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }
}
