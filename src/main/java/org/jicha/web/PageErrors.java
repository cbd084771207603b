package org.jicha.web;

import java.util.Map;
import org.jicha.audit.RunInProgressException;
import org.jicha.audit.RunNotFoundException;
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
 * A page's faults answered as a page (the API's stay problem details, {@link ApiExceptionHandler}): an unknown
 * record is the 404 page, a bad address the 400 page, a second run while one runs a message on the runs page.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler({RunNotFoundException.class, PageNotFoundException.class})
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ModelAndView badAddress() {
        return new ModelAndView("error", Map.of("status", 400), HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(RunInProgressException.class)
    String runInProgress(RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "runs.inProgress");
        return "redirect:/runs";
    }
}
