package com.storyloop.story.stories.adapter.in.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.stories.application.DraftStoryHandler;
import com.storyloop.story.stories.application.ImportStoriesHandler;
import com.storyloop.story.stories.application.importing.JsonStories;
import com.storyloop.story.stories.application.importing.MarkdownStories;
import com.storyloop.story.stories.application.importing.StoryDocument;

/** Onboarding: a client's existing story document, in Markdown or JSON, drafted as a whole or refused as a whole. */
@RestController
class ImportController {

    static final String MARKDOWN = "text/markdown";

    private final ImportStoriesHandler imports;

    ImportController(ImportStoriesHandler imports) {
        this.imports = imports;
    }

    record ImportedStories(String bankId, int drafted, List<DraftStoryHandler.Drafted> stories) {
    }

    @ApiResponse(responseCode = "201", description = "Every story of the document drafted", headers = @Header(name = "Location", description = "The bank"))
    @PostMapping(path = "/api/banks/{bankId}/import", consumes = {MediaType.APPLICATION_JSON_VALUE, MARKDOWN, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<ImportedStories> importStories(Caller caller, @PathVariable String bankId, @RequestBody byte[] document,
                                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                                                  @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        // the bytes, not a String: Spring would read text/* without a charset as ISO-8859-1, and these documents are UTF-8
        Charset charset = contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
        String text = new String(document, charset);
        StoryDocument parsed = MediaType.APPLICATION_JSON.isCompatibleWith(contentType) ? JsonStories.parse(text) : MarkdownStories.parse(text);
        List<DraftStoryHandler.Drafted> drafted = imports.importStories(caller, bankId, parsed, StoryController.context(caller, correlationId));
        return ResponseEntity.created(URI.create("/api/banks/" + bankId)).body(new ImportedStories(bankId, drafted.size(), drafted));
    }
}
