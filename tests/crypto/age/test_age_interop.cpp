#include "age_test_util.hpp"
