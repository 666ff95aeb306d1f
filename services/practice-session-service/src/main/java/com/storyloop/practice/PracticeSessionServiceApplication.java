package com.storyloop.practice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PracticeSessionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PracticeSessionServiceApplication.class, args);
    }
}
