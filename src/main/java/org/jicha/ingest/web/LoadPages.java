package org.jicha.ingest.web;

import java.io.IOException;
import org.jicha.ingest.BatchTooLargeException;
import org.jicha.ingest.DiskBudgetExceededException;
import org.jicha.ingest.InboxService;
import org.jicha.ingest.InvalidBatchArchiveException;
import org.jicha.ingest.LoadHistory;
import org.jicha.ingest.LoadNotFoundException;
import org.jicha.ingest.LoadPage;
import org.jicha.ingest.LoadResult;
import org.jicha.people.Actor;
import org.jicha.web.PageNotFoundException;
import org.jicha.web.Paging;
import org.jicha.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Data loads: the list (paged), uploading a zipped batch (auditors), and a load's report with each rejected row. */
@Controller
@WebPage
class LoadPages {

    static final int REJECTIONS_PAGE = 100;

    private final LoadHistory history;
    private final InboxService inbox;

    LoadPages(LoadHistory history, InboxService inbox) {
        this.history = history;
        this.inbox = inbox;
    }

    @GetMapping("/loads")
    String list(
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        LoadPage loads = history.newestFirst(Paging.safePage(page), Paging.DEFAULT_SIZE);
        model.addAttribute("loads", new Paging<>(loads.content(), loads.page(), loads.size(), loads.totalElements()));
        return htmx != null ? "loads/list :: table" : "loads/list";
    }

    @PostMapping("/loads")
    String upload(Actor actor, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("problem", "loads.upload.empty");
            return "redirect:/loads";
        }
        try {
            LoadResult result = inbox.loadUpload(actor, file.getOriginalFilename(), file.getInputStream());
            redirect.addFlashAttribute("notice", "loads.upload.done");
            return "redirect:/loads/" + result.id();
        } catch (BatchTooLargeException | DiskBudgetExceededException e) {
            redirect.addFlashAttribute("problem", "loads.upload.refused");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
            return "redirect:/loads";
        } catch (InvalidBatchArchiveException e) {
            redirect.addFlashAttribute("problem", "loads.upload.invalid");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
            return "redirect:/loads";
        }
    }

    @GetMapping("/loads/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        LoadResult load;
        try {
            load = history.get(id);
        } catch (LoadNotFoundException e) {
            throw new PageNotFoundException("load " + id);
        }
        model.addAttribute("load", load);
        model.addAttribute("rejections", Paging.of(load.rejections(), Paging.safePage(page), REJECTIONS_PAGE));
        return htmx != null ? "loads/show :: rejections" : "loads/show";
    }
}
