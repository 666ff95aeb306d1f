package com.storyloop.coverage;

import java.util.List;

import com.storyloop.coverage.support.CoverageServiceIT;

class CoverageServiceBootTest extends CoverageServiceIT {

}
