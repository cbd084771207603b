package org.jicha.ingest;

import java.io.IOException;
import java.net.URI;
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
    LoadPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return history.newestFirst(page, size);
    }

    @GetMapping("/{id}")
    LoadResult get(@PathVariable long id) {
        return history.get(id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<LoadResult> upload(@RequestParam("file") MultipartFile file) throws IOException {
        LoadResult result = inbox.loadZip(file.getInputStream(), file.getOriginalFilename());
        return ResponseEntity.created(URI.create("/api/loads/" + result.id())).body(result);
    }
}
