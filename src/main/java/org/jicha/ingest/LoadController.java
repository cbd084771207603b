package org.jicha.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.net.URI;
import org.jicha.people.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The loads as JSON: list, one load with its files and rejections, and upload of a zipped batch. */
@RestController
@RequestMapping("/api/loads")
class LoadController {

    private final LoadHistory history;
    private final InboxService inbox;

    LoadController(LoadHistory history, InboxService inbox) {
        this.history = history;
        this.inbox = inbox;
    }

    @GetMapping
    LoadPage list(
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(LoadHistory.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(LoadHistory.MAX_PAGE_SIZE) int size) {
        return history.newestFirst(page, size);
    }

    @GetMapping("/{id}")
    LoadResult get(@PathVariable long id) {
        return history.get(id);
    }

    /** 201 with the load; 400 not a usable zip, 413 too large, 507 over the disk budget (in the trail either way). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<LoadResult> upload(Actor actor, @RequestParam("file") MultipartFile file) throws IOException {
        LoadResult result = inbox.loadUpload(actor, file.getOriginalFilename(), file.getInputStream());
        return ResponseEntity.created(URI.create("/api/loads/" + result.id())).body(result);
    }
}
