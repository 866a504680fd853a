# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'problem_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QGridLayout,
    QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QWidget)
class Ui_ProblemDialog(object):
    def setupUi(self, ProblemDialog):
        if not ProblemDialog.objectName():
            ProblemDialog.setObjectName(u"ProblemDialog")
        ProblemDialog.resize(640, 720)
        self.grid = QGridLayout(ProblemDialog)
        self.grid.setObjectName(u"grid")
        self.campaign_label = QLabel(ProblemDialog)
        self.campaign_label.setObjectName(u"campaign_label")
        self.campaign_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.campaign_label, 0, 0, 1, 1)

        self.campaign = QComboBox(ProblemDialog)
        self.campaign.setObjectName(u"campaign")

        self.grid.addWidget(self.campaign, 0, 1, 1, 1)

        self.campaign_error = QLabel(ProblemDialog)
        self.campaign_error.setObjectName(u"campaign_error")
        self.campaign_error.setStyleSheet(u"color: #c62828;")
        self.campaign_error.setWordWrap(True)

        self.grid.addWidget(self.campaign_error, 1, 1, 1, 1)

        self.item_label = QLabel(ProblemDialog)
        self.item_label.setObjectName(u"item_label")
        self.item_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.item_label, 2, 0, 1, 1)

        self.item_row = QHBoxLayout()
        self.item_row.setObjectName(u"item_row")
        self.item = QComboBox(ProblemDialog)
        self.item.setObjectName(u"item")

        self.item_row.addWidget(self.item)

        self.point_label = QLabel(ProblemDialog)
        self.point_label.setObjectName(u"point_label")
        self.point_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.item_row.addWidget(self.point_label)

        self.point = QComboBox(ProblemDialog)
        self.point.setObjectName(u"point")

        self.item_row.addWidget(self.point)


        self.grid.addLayout(self.item_row, 2, 1, 1, 1)

        self.item_error = QLabel(ProblemDialog)
        self.item_error.setObjectName(u"item_error")
        self.item_error.setStyleSheet(u"color: #c62828;")
        self.item_error.setWordWrap(True)

        self.grid.addWidget(self.item_error, 3, 1, 1, 1)

        self.description_label = QLabel(ProblemDialog)
        self.description_label.setObjectName(u"description_label")
        self.description_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.description_label, 4, 0, 1, 1)

        self.description = QPlainTextEdit(ProblemDialog)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(70)

        self.grid.addWidget(self.description, 4, 1, 1, 1)

        self.description_error = QLabel(ProblemDialog)
        self.description_error.setObjectName(u"description_error")
        self.description_error.setStyleSheet(u"color: #c62828;")
        self.description_error.setWordWrap(True)

        self.grid.addWidget(self.description_error, 5, 1, 1, 1)

        self.cause_label = QLabel(ProblemDialog)
        self.cause_label.setObjectName(u"cause_label")
        self.cause_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.cause_label, 6, 0, 1, 1)

        self.cause = QPlainTextEdit(ProblemDialog)
        self.cause.setObjectName(u"cause")
        self.cause.setTabChangesFocus(True)
        self.cause.setMaximumHeight(70)

        self.grid.addWidget(self.cause, 6, 1, 1, 1)

        self.cause_error = QLabel(ProblemDialog)
        self.cause_error.setObjectName(u"cause_error")
        self.cause_error.setStyleSheet(u"color: #c62828;")
        self.cause_error.setWordWrap(True)

        self.grid.addWidget(self.cause_error, 7, 1, 1, 1)

        self.measure_label = QLabel(ProblemDialog)
        self.measure_label.setObjectName(u"measure_label")
        self.measure_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.measure_label, 8, 0, 1, 1)

        self.measure = QPlainTextEdit(ProblemDialog)
        self.measure.setObjectName(u"measure")
        self.measure.setTabChangesFocus(True)
        self.measure.setMaximumHeight(70)

        self.grid.addWidget(self.measure, 8, 1, 1, 1)

        self.measure_error = QLabel(ProblemDialog)
        self.measure_error.setObjectName(u"measure_error")
        self.measure_error.setStyleSheet(u"color: #c62828;")
        self.measure_error.setWordWrap(True)

        self.grid.addWidget(self.measure_error, 9, 1, 1, 1)

        self.responsible_name_label = QLabel(ProblemDialog)
        self.responsible_name_label.setObjectName(u"responsible_name_label")
        self.responsible_name_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.responsible_name_label, 10, 0, 1, 1)

        self.responsible_name_row = QHBoxLayout()
        self.responsible_name_row.setObjectName(u"responsible_name_row")
        self.responsible_name = QComboBox(ProblemDialog)
        self.responsible_name.setObjectName(u"responsible_name")
        self.responsible_name.setEditable(True)
        self.responsible_name.setInsertPolicy(QComboBox.NoInsert)

        self.responsible_name_row.addWidget(self.responsible_name)

        self.found_on_label = QLabel(ProblemDialog)
        self.found_on_label.setObjectName(u"found_on_label")
        self.found_on_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.responsible_name_row.addWidget(self.found_on_label)

        self.found_on = QDateEdit(ProblemDialog)
        self.found_on.setObjectName(u"found_on")
        self.found_on.setDisplayFormat(u"yyyy-MM-dd")
        self.found_on.setCalendarPopup(True)

        self.responsible_name_row.addWidget(self.found_on)


        self.grid.addLayout(self.responsible_name_row, 10, 1, 1, 1)

        self.responsible_name_error = QLabel(ProblemDialog)
        self.responsible_name_error.setObjectName(u"responsible_name_error")
        self.responsible_name_error.setStyleSheet(u"color: #c62828;")
        self.responsible_name_error.setWordWrap(True)

        self.grid.addWidget(self.responsible_name_error, 11, 1, 1, 1)

        self.kind_label = QLabel(ProblemDialog)
        self.kind_label.setObjectName(u"kind_label")
        self.kind_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.kind_label, 12, 0, 1, 1)

        self.kind_row = QHBoxLayout()
        self.kind_row.setObjectName(u"kind_row")
        self.kind = QComboBox(ProblemDialog)
        self.kind.setObjectName(u"kind")

        self.kind_row.addWidget(self.kind)

        self.kind_hint = QLabel(ProblemDialog)
        self.kind_hint.setObjectName(u"kind_hint")

        self.kind_row.addWidget(self.kind_hint)


        self.grid.addLayout(self.kind_row, 12, 1, 1, 1)

        self.kind_error = QLabel(ProblemDialog)
        self.kind_error.setObjectName(u"kind_error")
        self.kind_error.setStyleSheet(u"color: #c62828;")
        self.kind_error.setWordWrap(True)

        self.grid.addWidget(self.kind_error, 13, 1, 1, 1)

        self.deadline_label = QLabel(ProblemDialog)
        self.deadline_label.setObjectName(u"deadline_label")
        self.deadline_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.deadline_label, 14, 0, 1, 1)

        self.deadline_row = QHBoxLayout()
        self.deadline_row.setObjectName(u"deadline_row")
        self.has_deadline = QCheckBox(ProblemDialog)
        self.has_deadline.setObjectName(u"has_deadline")
        self.has_deadline.setChecked(True)

        self.deadline_row.addWidget(self.has_deadline)

        self.deadline = QDateEdit(ProblemDialog)
        self.deadline.setObjectName(u"deadline")
        self.deadline.setDisplayFormat(u"yyyy-MM-dd")
        self.deadline.setCalendarPopup(True)

        self.deadline_row.addWidget(self.deadline)

        self.deadline_hint = QLabel(ProblemDialog)
        self.deadline_hint.setObjectName(u"deadline_hint")

        self.deadline_row.addWidget(self.deadline_hint)


        self.grid.addLayout(self.deadline_row, 14, 1, 1, 1)

        self.deadline_error = QLabel(ProblemDialog)
        self.deadline_error.setObjectName(u"deadline_error")
        self.deadline_error.setStyleSheet(u"color: #c62828;")
        self.deadline_error.setWordWrap(True)

        self.grid.addWidget(self.deadline_error, 15, 1, 1, 1)

        self.explanation_label = QLabel(ProblemDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.explanation_label, 16, 0, 1, 1)

        self.explanation = QPlainTextEdit(ProblemDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setTabChangesFocus(True)
        self.explanation.setMaximumHeight(70)

        self.grid.addWidget(self.explanation, 16, 1, 1, 1)

        self.explanation_error = QLabel(ProblemDialog)
        self.explanation_error.setObjectName(u"explanation_error")
        self.explanation_error.setStyleSheet(u"color: #c62828;")
        self.explanation_error.setWordWrap(True)

        self.grid.addWidget(self.explanation_error, 17, 1, 1, 1)

        self.form_error = QLabel(ProblemDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setStyleSheet(u"color: #c62828;")
        self.form_error.setWordWrap(True)

        self.grid.addWidget(self.form_error, 18, 0, 1, 2)

        self.button_box = QDialogButtonBox(ProblemDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.button_box, 19, 0, 1, 2)

        QWidget.setTabOrder(self.campaign, self.item)
        QWidget.setTabOrder(self.item, self.point)
        QWidget.setTabOrder(self.point, self.description)
        QWidget.setTabOrder(self.description, self.cause)
        QWidget.setTabOrder(self.cause, self.measure)
        QWidget.setTabOrder(self.measure, self.responsible_name)
        QWidget.setTabOrder(self.responsible_name, self.found_on)
        QWidget.setTabOrder(self.found_on, self.kind)
        QWidget.setTabOrder(self.kind, self.has_deadline)
        QWidget.setTabOrder(self.has_deadline, self.deadline)
        QWidget.setTabOrder(self.deadline, self.explanation)
        QWidget.setTabOrder(self.explanation, self.button_box)

        self.retranslateUi(ProblemDialog)

        QMetaObject.connectSlotsByName(ProblemDialog)
    # setupUi

    def retranslateUi(self, ProblemDialog):
        ProblemDialog.setWindowTitle(QCoreApplication.translate("ProblemDialog", u"\u767b\u8bb0\u95ee\u9898", None))
        self.campaign_label.setText(QCoreApplication.translate("ProblemDialog", u"\u81ea\u67e5\u6d3b\u52a8*", None))
        self.item_label.setText(QCoreApplication.translate("ProblemDialog", u"\u68c0\u67e5\u9879*", None))
        self.point_label.setText(QCoreApplication.translate("ProblemDialog", u"\u68c0\u67e5\u70b9", None))
        self.description_label.setText(QCoreApplication.translate("ProblemDialog", u"\u95ee\u9898\u63cf\u8ff0*", None))
        self.description.setPlaceholderText(QCoreApplication.translate("ProblemDialog", u"\u81ea\u67e5\u53d1\u73b0\u7684\u5177\u4f53\u95ee\u9898", None))
        self.cause_label.setText(QCoreApplication.translate("ProblemDialog", u"\u539f\u56e0\u5206\u6790", None))
        self.cause.setPlaceholderText(QCoreApplication.translate("ProblemDialog", u"\u8ba4\u771f\u5206\u6790\uff0c\u67e5\u627e\u539f\u56e0", None))
        self.measure_label.setText(QCoreApplication.translate("ProblemDialog", u"\u6574\u6539\u63aa\u65bd", None))
        self.measure.setPlaceholderText(QCoreApplication.translate("ProblemDialog", u"\u6574\u6539\u65b9\u6848\u548c\u63aa\u65bd\uff1b\u6807\u8bb0\u6574\u6539\u5b8c\u6210\u548c\u9500\u53f7\u524d\u5fc5\u987b\u586b\u5199", None))
        self.responsible_name_label.setText(QCoreApplication.translate("ProblemDialog", u"\u8d23\u4efb\u4eba*", None))
        self.found_on_label.setText(QCoreApplication.translate("ProblemDialog", u"\u53d1\u73b0\u65e5\u671f", None))
        self.kind_label.setText(QCoreApplication.translate("ProblemDialog", u"\u6574\u6539\u7c7b\u578b*", None))
        self.deadline_label.setText(QCoreApplication.translate("ProblemDialog", u"\u6574\u6539\u65f6\u9650*", None))
        self.has_deadline.setText(QCoreApplication.translate("ProblemDialog", u"\u8bbe\u5b9a\u65f6\u9650", None))
        self.explanation_label.setText(QCoreApplication.translate("ProblemDialog", u"\u89e3\u91ca\u8bf4\u660e", None))
        self.explanation.setPlaceholderText(QCoreApplication.translate("ProblemDialog", u"\u77ed\u671f\u5185\u4e0d\u80fd\u89e3\u51b3\u7684\u95ee\u9898\uff1a\u5411\u7fa4\u4f17\u89e3\u91ca\u6e05\u695a\u3001\u8bf4\u660e\u539f\u56e0\u7684\u60c5\u51b5", None))
    # retranslateUi

