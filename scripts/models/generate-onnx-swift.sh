#!/usr/bin/env bash
# Generates Sources/PlexusModels/Generated/onnx-ml.pb.swift from the onnx-ml.proto that ships in
# the `onnx` PyPI package (the version pinned in scripts/reference/requirements.txt), with protoc
# (Debian's protobuf-compiler) and protoc-gen-swift built from the swift-protobuf version in
# Package.swift. The output is committed; run this only to move to another onnx version.
#
#   scripts/models/generate-onnx-swift.sh [PYTHON] [SWIFT_PROTOBUF_CHECKOUT]
#
# PYTHON defaults to .venv/bin/python; SWIFT_PROTOBUF_CHECKOUT to a fresh clone of the local
# package copy at the version Package.swift names.
set -euo pipefail
cd "$(dirname "$0")/../.."
python="${1:-.venv/bin/python}"
protobuf_version=$(sed -n 's|.*apple/swift-protobuf", from: "\([0-9.]*\)".*|\1|p' Package.swift)
checkout="${2:-}"
if [ -z "$checkout" ]; then
  checkout=$(mktemp -d)/swift-protobuf
  git clone -q /opt/swift-packages/apple/swift-protobuf.git "$checkout"
  git -C "$checkout" checkout -q "$protobuf_version"
fi
(cd "$checkout" && swift build -c release --product protoc-gen-swift >/dev/null)
proto_dir=$("$python" -c 'import onnx, os; print(os.path.dirname(onnx.__file__))')
out=Sources/PlexusModels/Generated
mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$checkout/.build/release/protoc-gen-swift" \
  --swift_opt=Visibility=Internal --swift_out="$out" -I "$proto_dir" "$proto_dir/onnx-ml.proto"
echo "wrote $out/onnx-ml.pb.swift from onnx $("$python" -c 'import onnx; print(onnx.__version__)') and swift-protobuf $protobuf_version"
