# Runs the GUI test suite (every GUI test executable, one after the other:
# TEST_BINARIES, separated by "|") with HOME, XDG_CONFIG_HOME, XDG_DATA_HOME,
# XDG_CACHE_HOME, XDG_STATE_HOME and TMPDIR pointing into an empty directory,
# then checks what was written: under HOME nothing but the preferences file,
# which holds only the allowed keys; in TMPDIR nothing at all (the suite's own
# temporary vaults and files are removed by it; the application writes none).
if(NOT TEST_BINARIES OR NOT WORK_DIR)
  message(FATAL_ERROR "usage: cmake -DTEST_BINARIES=a|b|… -DWORK_DIR=… -P fresh_home_check.cmake")
endif()
string(REPLACE "|" ";" test_binaries "${TEST_BINARIES}")
file(REMOVE_RECURSE "${WORK_DIR}")
set(home "${WORK_DIR}/home")
set(tmp "${WORK_DIR}/tmp")
file(MAKE_DIRECTORY "${home}" "${tmp}" "${WORK_DIR}/runtime")
file(CHMOD "${WORK_DIR}/runtime" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)

foreach(test_binary IN LISTS test_binaries)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env
            --unset=DBUS_SESSION_BUS_ADDRESS --unset=FIELDSEAL_VAULT --unset=DISPLAY
            --unset=WAYLAND_DISPLAY
            HOME=${home} XDG_CONFIG_HOME=${home}/.config XDG_DATA_HOME=${home}/.local/share
            XDG_CACHE_HOME=${home}/.cache XDG_STATE_HOME=${home}/.local/state
            XDG_RUNTIME_DIR=${WORK_DIR}/runtime TMPDIR=${tmp} QT_QPA_PLATFORM=offscreen
            FIELDSEAL_GUI_TEST_WRITE_PREFERENCES=1
            ${test_binary}
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${test_binary} failed under a fresh HOME (exit ${rc})")
  endif()
endforeach()

set(settings "${home}/.config/fieldseal/fieldseal-gui.ini")
file(GLOB_RECURSE written LIST_DIRECTORIES false "${home}/*" "${home}/.*")
file(GLOB_RECURSE written_hidden LIST_DIRECTORIES false "${home}/.*/*")
list(APPEND written ${written_hidden})
list(REMOVE_DUPLICATES written)
set(unexpected "")
foreach(path IN LISTS written)
  if(NOT path STREQUAL settings)
    list(APPEND unexpected "${path}")
  endif()
endforeach()
if(unexpected)
  string(REPLACE ";" "\n  " unexpected "${unexpected}")
  message(FATAL_ERROR "files written under the fresh HOME besides the preferences:\n  ${unexpected}")
endif()
if(NOT EXISTS "${settings}")
  message(FATAL_ERROR "the suite saved preferences, but ${settings} does not exist")
endif()

file(STRINGS "${settings}" lines)
set(allowed "language" "idle_minutes" "panic_action")
foreach(line IN LISTS lines)
  if(line MATCHES "^\\[(.*)\\]$")
    if(NOT CMAKE_MATCH_1 STREQUAL "General")
      message(FATAL_ERROR "unexpected group in the preferences file: ${line}")
    endif()
  elseif(line MATCHES "^([^=]+)=")
    list(FIND allowed "${CMAKE_MATCH_1}" found)
    if(found EQUAL -1)
      message(FATAL_ERROR "unexpected key in the preferences file: ${CMAKE_MATCH_1}")
    endif()
  elseif(NOT line STREQUAL "")
    message(FATAL_ERROR "unexpected line in the preferences file: ${line}")
  endif()
endforeach()

file(GLOB_RECURSE left_in_tmp LIST_DIRECTORIES true "${tmp}/*")
if(left_in_tmp)
  string(REPLACE ";" "\n  " left_in_tmp "${left_in_tmp}")
  message(FATAL_ERROR "files left in TMPDIR:\n  ${left_in_tmp}")
endif()
message(STATUS "fresh HOME: only ${settings} was written, with allowed keys only")
