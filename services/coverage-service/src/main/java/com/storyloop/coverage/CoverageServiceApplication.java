package com.storyloop.coverage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CoverageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoverageServiceApplication.class, args);
    }
}
