# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'history_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit,
    QSizePolicy, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_HistoryDialog(object):
    def setupUi(self, HistoryDialog):
        if not HistoryDialog.objectName():
            HistoryDialog.setObjectName(u"HistoryDialog")
        HistoryDialog.resize(780, 500)
        self.mainLayout = QVBoxLayout(HistoryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.recordLabel = QLabel(HistoryDialog)
        self.recordLabel.setObjectName(u"recordLabel")
        self.recordLabel.setWordWrap(True)
        self.recordLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.recordLabel)

        self.splitter = QSplitter(HistoryDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.view = QTableView(self.splitter)
        self.view.setObjectName(u"view")
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.splitter.addWidget(self.view)
        self.detailBox = QWidget(self.splitter)
        self.detailBox.setObjectName(u"detailBox")
        self.detailLayout = QVBoxLayout(self.detailBox)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.detailLabel = QLabel(self.detailBox)
        self.detailLabel.setObjectName(u"detailLabel")

        self.detailLayout.addWidget(self.detailLabel)

        self.detailEdit = QPlainTextEdit(self.detailBox)
        self.detailEdit.setObjectName(u"detailEdit")
        self.detailEdit.setReadOnly(True)

        self.detailLayout.addWidget(self.detailEdit)

        self.splitter.addWidget(self.detailBox)

        self.mainLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(HistoryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.detailLabel.setBuddy(self.detailEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HistoryDialog)

        QMetaObject.connectSlotsByName(HistoryDialog)
    # setupUi

    def retranslateUi(self, HistoryDialog):
        HistoryDialog.setWindowTitle(QCoreApplication.translate("HistoryDialog", u"\u4fee\u6539\u8bb0\u5f55", None))
        self.detailLabel.setText(QCoreApplication.translate("HistoryDialog", u"\u6240\u9009\u4e00\u6b21\u64cd\u4f5c\u7684\u5168\u90e8\u4fee\u6539\u5185\u5bb9(&D)", None))
    # retranslateUi

