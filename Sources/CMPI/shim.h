// Header shim for Open MPI.
//
// Open MPI's predefined handles (MPI_COMM_WORLD, MPI_FLOAT, MPI_SUM, ...) are macros that
// take the address of library globals through a cast; Swift cannot import them, so they
// are exposed here through static inline functions. The header is found through
// pkg-config (ompi-c, Package.swift) or, without pkg-config, through Debian's
// multiarch alternative /usr/include/<triplet>/mpi -> the Open MPI include folder.
#ifndef GANSIM_CMPI_SHIM_H
#define GANSIM_CMPI_SHIM_H

#if __has_include(<mpi.h>)
#include <mpi.h>
#else
#include <mpi/mpi.h>
#endif

/// The world communicator.
static inline MPI_Comm gansim_mpi_comm_world(void) { return MPI_COMM_WORLD; }
/// The 32-bit float datatype.
static inline MPI_Datatype gansim_mpi_float(void) { return MPI_FLOAT; }
/// The 64-bit float datatype.
static inline MPI_Datatype gansim_mpi_double(void) { return MPI_DOUBLE; }
/// The byte datatype.
static inline MPI_Datatype gansim_mpi_byte(void) { return MPI_BYTE; }
/// The C int datatype.
static inline MPI_Datatype gansim_mpi_int(void) { return MPI_INT; }
/// The sum reduction.
static inline MPI_Op gansim_mpi_sum(void) { return MPI_SUM; }
/// The maximum reduction.
static inline MPI_Op gansim_mpi_max(void) { return MPI_MAX; }
/// The null request (what a completed request becomes).
static inline MPI_Request gansim_mpi_request_null(void) { return MPI_REQUEST_NULL; }
/// "Ignore the status" for MPI_Test and friends.
static inline MPI_Status *gansim_mpi_status_ignore(void) { return MPI_STATUS_IGNORE; }
/// The in-place marker for reductions.
static inline void *gansim_mpi_in_place(void) { return MPI_IN_PLACE; }
/// Error handler that returns error codes instead of aborting the job.
static inline MPI_Errhandler gansim_mpi_errors_return(void) { return MPI_ERRORS_RETURN; }
/// The success code.
static inline int gansim_mpi_success(void) { return MPI_SUCCESS; }
/// Thread level: any thread may call MPI, one at a time.
static inline int gansim_mpi_thread_serialized(void) { return MPI_THREAD_SERIALIZED; }
/// The longest error string MPI_Error_string writes.
static inline int gansim_mpi_max_error_string(void) { return MPI_MAX_ERROR_STRING; }

#endif
