package com.storyloop.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.storyloop.console.services.ServiceProblem;

/** Every console page knows its viewer; a refusal from a service becomes a plain-language page (or fragment for htmx). */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsolePageAdvice {

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.current();
    }

    @ExceptionHandler(ServiceProblem.class)
    String refused(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        model.addAttribute("viewer", viewer());
        model.addAttribute("message", plainLanguage(problem));
        return "true".equals(request.getHeader("HX-Request")) ? "error :: problem" : "error";
    }

    static String plainLanguage(ServiceProblem problem) {
        switch (problem.status()) {
            case 404:
                // the services answer "not there" and "not yours" alike, so their sentence is safe to show
                return "There is nothing here, or it is not yours to see (" + problem.detail() + "). Check the address, or go back to your start page.";
            case 403:
                return "Your role cannot open this. " + problem.detail();
            case 401:
                return "Your sign-in has ended. Sign in again to continue.";
            default:
                return problem.detail();
        }
    }
}
